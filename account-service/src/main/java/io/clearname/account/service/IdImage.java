package io.clearname.account.service;

import io.clearname.account.entity.DocumentCategory;

/** An ID document image of a real name, as a reference into the image store. */
public record IdImage(DocumentCategory category, String reference) {}
