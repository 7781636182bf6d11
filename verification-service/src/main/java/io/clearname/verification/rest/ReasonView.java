package io.clearname.verification.rest;

import io.clearname.events.Reason.Finality;

/** A reason code of a decision with its finality and the catalogue's text in the reader's language. */
public record ReasonView(String code, Finality finality, String text) {}
