package io.clearname.verification.service;

/** A lead's note on a reassignment, as it goes into a case action: masked and short. */
final class Notes {

    private Notes() {}

    /** {@code ": note"}, masked and cut to 200 characters; empty without a note. */
    static String suffix(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        String masked = ComplaintMasker.mask(note.strip());
        return ": " + (masked.length() > 200 ? masked.substring(0, 200) : masked);
    }
}
