package io.clearname.verification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff's answer to a complaint. ID numbers, phone numbers and emails in it are masked before it is stored or sent. */
public record AnswerComplaintRequest(
        @NotBlank @Size(max = 2000) String message) {}
