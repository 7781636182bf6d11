package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.verification.service.ComplaintRetention;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Complaints, text and answer, are deleted 365 days after they were filed; an appeal keeps its decision. */
@QuarkusTest
class ComplaintRetentionTest {

    @Inject
    ComplaintRetention retention;

    @Inject
    AgroalDataSource db;

    @Test
    void complaintsOlderThanTheRetentionAreDeletedYoungerOnesKept() throws SQLException {
        ClearRequested request = Cases.rejectedBy(Api.reviewer());
        UUID appealId = Cases.appeal(request);
        String appealComplaint = Cases.appealOf(appealId).getString("complaintId");
        String recent = Cases.complain(request, "Any news?").getString("complaintId");
        fileAgo(appealComplaint, Duration.ofDays(366));
        fileAgo(recent, Duration.ofDays(364));

        assertThat(retention.purge()).isPositive();

        Api.asStaff("support-reader", "support")
                .get("/api/v1/review/complaints/" + appealComplaint)
                .then()
                .statusCode(404);
        assertThat(Cases.staffComplaint(recent).getString("message")).isEqualTo("Any news?");
        var appeal = Cases.appealOf(appealId);
        assertThat(appeal.getString("complaintId")).isNull();
        assertThat(appeal.getString("message")).isNull();
        assertThat(appeal.getString("state")).isEqualTo("OPEN");
    }

    private void fileAgo(String complaintId, Duration ago) throws SQLException {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("UPDATE complaint SET received_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
            update.setObject(2, UUID.fromString(complaintId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
