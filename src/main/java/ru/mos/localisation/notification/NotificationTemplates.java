package ru.mos.localisation.notification;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import ru.mos.localisation.request.LocalisationRequest;

/**
 * Writes a letter from its templates ({@code notification/templates/<TYPE>.html} and {@code .txt},
 * Thymeleaf) and words ({@code notification/messages_ru|en.properties}): the content is rendered
 * once in Russian and once in English, and {@code letter.html}/{@code letter.txt} put both in one
 * message, Russian first (the city writes in Russian; the investor is foreign). Codes never reach
 * the letter: document types, support measures, stages and statuses are looked up as words.
 */
@Component
public class NotificationTemplates {

  static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  static final Locale ENGLISH = Locale.UK;
  /** The two languages of every letter, in their order. */
  static final List<Locale> LANGUAGES = List.of(RUSSIAN, ENGLISH);

  private final TemplateEngine engine;
  private final MessageSource messages;
  private final NotificationProperties properties;

  public NotificationTemplates(NotificationProperties properties) {
    this.properties = properties;
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename("notification/messages");
    bundle.setDefaultEncoding("UTF-8");
    bundle.setFallbackToSystemLocale(false);
    // every message is a MessageFormat pattern, with arguments or without: an apostrophe is written twice
    bundle.setAlwaysUseMessageFormat(true);
    this.messages = bundle;

    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(NotificationTemplates.class.getClassLoader());
    templates.setPrefix("notification/templates/");
    templates.setCharacterEncoding("UTF-8");
    templates.getTextTemplateModePatternSpec().addPattern("*.txt");
    templates.getHtmlTemplateModePatternSpec().addPattern("*.html");
    templates.setCheckExistence(true);
    templates.setCacheable(true);
    this.engine = new TemplateEngine();
    this.engine.setTemplateResolver(templates);
    this.engine.setMessageResolver(new BundleMessageResolver(bundle));
  }

  /** The letter that tells the investor of this request what the notification says. */
  public Letter write(LocalisationRequest request, Notification notification) {
    NotificationType type = notification.type();
    Map<String, Object> variables = new HashMap<>();
    // dates and deadlines as the city counts them (the letters say "Moscow time")
    notification
        .facts()
        .forEach(
            (name, value) ->
                variables.put(
                    name,
                    value instanceof ZonedDateTime time ? time.withZoneSameInstant(properties.zone()) : value));
    variables.put("number", request.number());
    variables.put("investorName", request.investorName());
    variables.put("title", request.title());
    variables.put("status", type.status().name());

    Map<String, Object> letter = new HashMap<>();
    StringBuilder subject = new StringBuilder();
    for (Locale language : LANGUAGES) {
      String key = language.getLanguage();
      variables.put("content", type.name() + ".html");
      letter.put(key + "Html", engine.process("part.html", new Context(language, variables)));
      variables.put("content", type.name() + ".txt");
      letter.put(key + "Text", engine.process("part.txt", new Context(language, variables)).strip().replaceAll("\n{3,}", "\n\n"));
      if (!subject.isEmpty()) {
        subject.append(" / ");
      }
      subject.append(messages.getMessage("subject." + type.name(), new Object[] {request.number()}, language));
    }
    letter.put("number", request.number());
    return new Letter(
        subject.toString(),
        engine.process("letter.txt", new Context(ENGLISH, letter)).strip() + "\n",
        engine.process("letter.html", new Context(ENGLISH, letter)));
  }

  /** The word for a code in a language, e.g. {@code document.BUSINESS_PLAN} in Russian. */
  String word(String key, Locale language) {
    return messages.getMessage(key, null, language);
  }

  /**
   * Thymeleaf's {@code #{...}} from the letters' bundle. A missing word fails the letter (and the
   * step that writes it), rather than sending a code or Thymeleaf's {@code ??key??} marker.
   */
  private record BundleMessageResolver(MessageSource messages) implements IMessageResolver {
    @Override
    public String getName() {
      return "notification-messages";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return messages.getMessage(key, parameters, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      throw new NoSuchMessageException(key, context.getLocale());
    }
  }
}
