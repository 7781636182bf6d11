package io.clearname.account.entity;

/** Which image of the identity document a reference points to. */
public enum DocumentCategory {
    ID_FRONT,
    ID_BACK,
    HOLDING_ID
}
