package io.clearname.events;

/** What the person confirmed before submitting a clearing, as the guide's "matters needing attention" ask. */
public enum Acknowledgement {
    /** Important account information (contacts, photos) is backed up. */
    BACKUP_DONE,
    /** Rights and privileges tied to the real name (VIP, cloud storage) will be lost. */
    ENTITLEMENTS_LOST,
    /** The phone number and email the notices go to are correct. */
    CONTACT_CORRECT
}
