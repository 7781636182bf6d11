package io.clearname.verification.rest;

import io.clearname.events.Reason.Finality;
import java.util.Map;

/** An entry of the reason-code catalogue, with the person's text in every language the catalogue has. */
public record ReasonCodeView(String code, Finality finality, Map<String, String> text) {}
