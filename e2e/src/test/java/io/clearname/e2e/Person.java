package io.clearname.e2e;

import io.clearname.local.FakePeople;
import java.util.UUID;

/**
 * An account with a verified real name, made up for one test.
 *
 * @param account the account id (the token's {@code sub})
 * @param email where the notices go; unique, so the mailbox shows this person's mail only
 * @param phone where the texts go; unique, so the SMS stand-in shows this person's texts only
 * @param legalName the bound name, which must never leave account-service
 * @param idNumber the bound ID number, likewise
 */
record Person(UUID account, String email, String phone, String legalName, String idNumber) {

    /**
     * Support brings the account over from an identity platform with a real name verified 30 days ago, so a clearing
     * passes the automatic audit (a name verified just now goes to manual review).
     */
    static Person verified(Api api, String tag) {
        String email = FakePeople.email(tag);
        String legalName = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        String phone = FakePeople.phone();
        UUID account = api.createVerifiedAccount(
                email, phone, "en", legalName, idNumber, java.time.Instant.now().minus(java.time.Duration.ofDays(30)));
        return new Person(account, email, phone, legalName, idNumber);
    }
}
