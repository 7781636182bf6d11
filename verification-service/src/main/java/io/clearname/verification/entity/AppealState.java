package io.clearname.verification.entity;

/** Where an appeal stands; a decided appeal is final. */
public enum AppealState {
    OPEN,
    DECIDED
}
