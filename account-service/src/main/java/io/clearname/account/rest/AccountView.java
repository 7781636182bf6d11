package io.clearname.account.rest;

import java.time.Instant;
import java.util.UUID;

public record AccountView(UUID id, String phone, String email, String locale, Instant createdAt) {}
