package ru.mos.localisation.notification;

/** A letter to the investor as it is sent: subject, plain text and the same in HTML. */
public record Letter(String subject, String text, String html) {}
