package io.clearname.account.rest;

import io.clearname.account.entity.DocumentCategory;
import io.clearname.account.service.IdImage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An ID document image, as a reference into the image store. */
public record DocumentReference(
        @NotNull DocumentCategory category,
        @NotBlank @Size(max = 512) String reference) {

    public IdImage toImage() {
        return new IdImage(category, reference);
    }

    static List<IdImage> toImages(List<DocumentReference> references) {
        return references == null
                ? null
                : references.stream().map(DocumentReference::toImage).toList();
    }
}
