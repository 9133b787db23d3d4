package ru.mos.localisation.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A letter as the SMTP server received it: envelope, headers and its text and HTML parts. */
public record ReceivedLetter(
    List<String> to, String from, String subject, String messageId, String requestNumber, String text, String html) {

  public static ReceivedLetter of(MimeMessage message) {
    try {
      List<String> texts = new ArrayList<>();
      List<String> htmls = new ArrayList<>();
      collect(message, texts, htmls);
      return new ReceivedLetter(
          Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
          message.getFrom()[0].toString(),
          message.getSubject(),
          message.getMessageID(),
          message.getHeader("X-Localisation-Request", null),
          String.join("\n", texts),
          String.join("\n", htmls));
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable letter", e);
    }
  }

  public static List<ReceivedLetter> all(MimeMessage[] messages) {
    return Arrays.stream(messages).map(ReceivedLetter::of).toList();
  }

  private static void collect(Part part, List<String> texts, List<String> htmls) throws Exception {
    if (part.isMimeType("text/plain")) {
      texts.add((String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      htmls.add((String) part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, texts, htmls);
      }
    }
  }
}
