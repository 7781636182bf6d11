package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clearing deleted the account's references to its ID document images (topic {@code id-documents-released}, from
 * account-service): the image store deletes the images it keeps under these document ids. Published in the same
 * transaction as the erasure, only when the account had documents. Carries no storage path and no image.
 */
public record IdDocumentsReleased(UUID requestId, UUID accountId, Instant releasedAt, List<Document> documents)
        implements ClearnameEvent {

    /**
     * A released document.
     *
     * @param documentId the id the image store keeps the image under
     * @param category {@code ID_FRONT}, {@code ID_BACK}, {@code HOLDING_ID}; consumers ignore categories they do not know
     */
    public record Document(UUID documentId, String category) {}
}
