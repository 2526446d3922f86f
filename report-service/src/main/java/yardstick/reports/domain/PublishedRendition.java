package yardstick.reports.domain;

/** One rendition of a publication, as published: its format ("HTML", "MARKDOWN", "JSON", "PDF"), content type, SHA-256 and bytes. */
public record PublishedRendition(String format, String contentType, String sha256, byte[] content) {
}
