package ru.mos.localisation.forms;

import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DEADLINE;
import static ru.mos.localisation.decision.DecisionVariables.ELIGIBLE_STATUSES;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_REVIEW_REQUIRED;
import static ru.mos.localisation.decision.DecisionVariables.PRIORITY;
import static ru.mos.localisation.sites.SiteVariables.DECLINED_SITE_IDS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import ru.mos.localisation.decision.PriorityTexts;
import ru.mos.localisation.forms.OfficialDecisions.Decision;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.TimelineEntry;
import ru.mos.localisation.screening.ScreeningService;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteRegistry;

/**
 * What an official's form shows, as Russian Markdown for form-js text views, computed from the
 * registry when the task is created (the forms only place them: {@code {{requestCard}}}):
 *
 * <ul>
 *   <li>{@value #REQUEST_CARD}: the request — investor, country, registration number, contact,
 *       project, sector, investment, jobs, export share, area, power, hazard class, what was asked;
 *   <li>{@value #TASK_FACTS}: what this task's decision needs besides (the missing documents, the
 *       list entry a screening matched, the priority, the project's needs and the candidate sites,
 *       the results so far for the final approval);
 *   <li>{@value #DECISIONS}: the decisions taken so far, with who took them and when.
 * </ul>
 *
 * Everything the investor typed is made literal ({@link FormTexts#literal}).
 */
@Service
public class TaskFormFacts {

  public static final String REQUEST_CARD = "requestCard";
  public static final String TASK_FACTS = "taskFacts";
  public static final String DECISIONS = "decisionsCard";

  private static final Map<String, String> PRIORITY_WORDS =
      Map.of("A", "A — высокий", "B", "B — средний", "C", "C — обычный");

  private final RequestRegistry registry;
  private final OfficialDecisions decisions;
  private final SiteRegistry sites;
  private final PriorityTexts priorityTexts;

  public TaskFormFacts(
      RequestRegistry registry, OfficialDecisions decisions, SiteRegistry sites, PriorityTexts priorityTexts) {
    this.registry = registry;
    this.decisions = decisions;
    this.sites = sites;
    this.priorityTexts = priorityTexts;
  }

  /** The form's texts for the task, by variable name; none for a task outside a registered request. */
  public Map<String, String> of(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    Optional<LocalisationRequest> found = number == null ? Optional.empty() : registry.find(number);
    if (found.isEmpty()) {
      return Map.of();
    }
    LocalisationRequest request = found.get();
    List<Decision> taken = decisions.of(number);
    List<TimelineEntry> timeline = registry.timeline(number);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(REQUEST_CARD, requestCard(request));
    texts.put(TASK_FACTS, taskFacts(task, request, taken, timeline));
    texts.put(DECISIONS, decisionsCard(taken, timeline));
    return texts;
  }

  // --- the request card --------------------------------------------------------------------------

  static String requestCard(LocalisationRequest request) {
    Markdown card = new Markdown();
    card.heading("Заявка " + request.number() + " от " + FormTexts.date(request.createdAt().toInstant()));
    card.fact("Инвестор", FormTexts.literal(request.investorName()));
    card.fact("Страна", FormTexts.country(request.investorCountry()) + " (" + request.investorCountry() + ")");
    card.fact("Регистрационный номер", FormTexts.literal(request.investorRegistrationNumber()));
    card.fact("Контакт", FormTexts.literal(request.investorContactEmail()));
    card.fact("Внешний номер заявки", FormTexts.literal(request.externalReference()));
    card.blank();
    card.fact("Проект", FormTexts.literal(request.title()));
    card.fact("Отрасль", request.sector().titleRu());
    card.fact("Инвестиции", FormTexts.rubles(request.investmentRub()));
    card.fact("Рабочих мест", FormTexts.grouped(request.plannedJobs()));
    card.fact("Доля экспорта", FormTexts.withUnit(String.valueOf(request.exportSharePercent()), "%"));
    card.fact("Площадь", FormTexts.withUnit(FormTexts.decimal(request.requiredAreaHa()), "га"));
    card.fact("Мощность", FormTexts.withUnit(FormTexts.decimal(request.requiredPowerMw()), "МВт"));
    card.fact("Класс опасности", String.valueOf(request.hazardClass()));
    card.fact("Поддержка Моспрома", requested(request));
    if (request.description() != null && !request.description().isBlank()) {
      card.blank();
      card.line("**Описание проекта**");
      card.blank();
      card.line(FormTexts.quoted(request.description()));
    }
    return card.toString();
  }

  private static String requested(LocalisationRequest request) {
    List<String> asked = new ArrayList<>();
    if (request.exportSupportRequested()) {
      asked.add("экспортная поддержка");
    }
    if (request.personnelExchangeRequested()) {
      asked.add("обмен персоналом");
    }
    return asked.isEmpty() ? "не запрошена" : "запрошены " + String.join(" и ", asked);
  }

  // --- the task's own facts ----------------------------------------------------------------------

  private String taskFacts(DelegateTask task, LocalisationRequest request, List<Decision> taken, List<TimelineEntry> timeline) {
    Markdown facts = new Markdown();
    switch (task.getTaskDefinitionKey()) {
      case "Task_ConfirmMissingDocuments" -> {
        facts.heading("Недостающие документы");
        request.missingDocuments().forEach(type -> facts.item(type.titleRu()));
        facts.blank();
        facts.line("**Заявлены инвестором:** " + documentTitles(request.documents()));
      }
      case "Task_ReviewScreeningHit" -> {
        facts.heading("Совпадение при проверке инвестора");
        facts.fact("Наименование в заявке", FormTexts.literal(request.investorName()));
        facts.fact("Запись списка проверки", screeningEntry(timeline).map(FormTexts::literal).orElse("не указана"));
        facts.fact("Регистрационный номер в заявке", FormTexts.literal(request.investorRegistrationNumber()));
        facts.fact("Страна", FormTexts.country(request.investorCountry()));
        facts.blank();
        facts.line("Инвестору о проверке не сообщается.");
      }
      case "Task_AssessRequest" -> priority(facts, task);
      case "Task_HandleOverdueAssessment" -> {
        priority(facts, task);
        facts.blank();
        facts.heading("Просроченная оценка");
        assessment(task)
            .ifPresentOrElse(
                assessment -> {
                  facts.fact("Срок оценки истёк", assessment.getDueDate() == null ? "—" : FormTexts.dateTime(assessment.getDueDate().toInstant()));
                  facts.fact("Задача оценки", assessment.getAssignee() == null ? "никем не взята в работу" : "в работе у " + assessment.getAssignee());
                },
                () -> facts.line("Оценка уже завершена."));
      }
      case "Task_ReviewEnvironmentalImpact" -> {
        facts.heading("Что оценивает экспертиза");
        facts.fact("Отрасль", request.sector().titleRu());
        facts.fact("Класс опасности производства", String.valueOf(request.hazardClass()));
        facts.fact("Резюме оценки воздействия", request.documents().contains(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY) ? "представлено" : "не представлено");
        latest(taken, "Task_AssessRequest").ifPresent(d -> facts.fact("Оценка департамента", decisionLine(d)));
      }
      case "Task_PrepareSupportPackage" -> {
        facts.heading("Что запросил инвестор");
        facts.fact("Экспортная поддержка", request.exportSupportRequested() ? "запрошена" : "не запрошена");
        facts.fact("Обмен персоналом", request.personnelExchangeRequested() ? "запрошен — опишите программу обмена" : "не запрошен");
        facts.fact("Доля экспорта", FormTexts.withUnit(String.valueOf(request.exportSharePercent()), "%"));
      }
      case "Task_SelectSite" -> {
        needs(facts, request);
        facts.blank();
        facts.heading("Подходящие площадки, лучшие первыми");
        siteTable(facts, sites.withIds(sites.candidates(request.number())), sites.candidates(request.number()));
      }
      case "Task_DecideWithoutSite" -> {
        needs(facts, request);
        facts.blank();
        facts.line("В реестре нет свободной площадки, подходящей по площади, мощности и классу опасности.");
        Object declined = task.getVariable(DECLINED_SITE_IDS);
        if (declined != null && !declined.toString().isBlank()) {
          facts.fact("Инвестор отказался от площадок", FormTexts.literal(declined.toString()));
        }
      }
      case "Task_DecideFinalApproval" -> finalSummary(facts, task, request, taken, timeline);
      default -> {
        // a task without facts of its own shows the card and the decisions
      }
    }
    return facts.toString();
  }

  private void priority(Markdown facts, DelegateTask task) {
    facts.heading("Приоритет и маршрут");
    Object priority = task.getVariable(PRIORITY);
    facts.fact("Приоритет", PRIORITY_WORDS.getOrDefault(Objects.toString(priority, ""), "не определён"));
    Object deadline = task.getVariable(ASSESSMENT_DEADLINE);
    if (deadline != null) {
      facts.fact("Срок оценки", priorityTexts.deadline(deadline.toString()));
    }
    Object review = task.getVariable(ENVIRONMENTAL_REVIEW_REQUIRED);
    if (review != null) {
      facts.fact("Экологическая экспертиза", Boolean.TRUE.equals(review) ? "требуется" : "не требуется");
    }
    Object statuses = task.getVariable(ELIGIBLE_STATUSES);
    String words = priorityTexts.cityStatuses(statuses == null ? null : statuses.toString());
    if ("нет".equals(words)) {
      facts.fact("Возможные статусы города", "нет");
    } else {
      facts.line("- **Возможные статусы города:**");
      Arrays.stream(words.split(", ")).forEach(status -> facts.line("    - " + status));
    }
  }

  private static Optional<Task> assessment(DelegateTask task) {
    return Optional.ofNullable(
        task.getProcessEngineServices()
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey("Task_AssessRequest")
            .singleResult());
  }

  private static void needs(Markdown facts, LocalisationRequest request) {
    facts.heading("Потребности проекта");
    facts.fact("Площадь", "не менее " + FormTexts.withUnit(FormTexts.decimal(request.requiredAreaHa()), "га"));
    facts.fact("Мощность", "не менее " + FormTexts.withUnit(FormTexts.decimal(request.requiredPowerMw()), "МВт"));
    facts.fact("Класс опасности производства", String.valueOf(request.hazardClass()));
  }

  private static void siteTable(Markdown facts, List<IndustrialSite> found, List<String> order) {
    if (found.isEmpty()) {
      facts.line("Подходящих площадок нет.");
      return;
    }
    Map<String, IndustrialSite> byId = found.stream().collect(Collectors.toMap(IndustrialSite::id, site -> site));
    facts.line("| Площадка | Район | Площадь, га | Мощность, МВт | Классы опасности |");
    facts.line("|---|---|---:|---:|---|");
    order.stream()
        .map(byId::get)
        .filter(Objects::nonNull)
        .forEach(
            site ->
                facts.line(
                    "| %s, %s | %s | %s | %s | %s |"
                        .formatted(
                            site.id(),
                            FormTexts.literal(site.name()),
                            FormTexts.literal(site.zone()),
                            FormTexts.decimal(site.areaHa()),
                            FormTexts.decimal(site.powerMw()),
                            hazardClasses(site))));
  }

  private static String hazardClasses(IndustrialSite site) {
    return site.allowedHazardClasses().stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private void finalSummary(
      Markdown facts, DelegateTask task, LocalisationRequest request, List<Decision> taken, List<TimelineEntry> timeline) {
    facts.heading("Итоги рассмотрения");
    facts.fact("Проверка инвестора", screeningResult(taken, timeline));
    facts.fact("Приоритет", PRIORITY_WORDS.getOrDefault(Objects.toString(task.getVariable(PRIORITY), ""), "не определён"));
    facts.fact(
        "Оценка департамента",
        latest(taken, "Task_AssessRequest").map(TaskFormFacts::decisionLine).orElse("нет"));
    facts.fact(
        "Экологическая экспертиза",
        latest(taken, "Task_ReviewEnvironmentalImpact")
            .map(d -> d.outcome() + (d.comment() == null ? ", без условий" : "; условия: " + FormTexts.literal(d.comment())) + signature(d))
            .orElse("не требовалась"));
    Optional<Decision> support = latest(taken, "Task_PrepareSupportPackage");
    facts.fact(
        "Моспром",
        support.map(d -> d.outcome() + signature(d)).orElse(
            request.exportSupportRequested() || request.personnelExchangeRequested() ? "пакет не подготовлен" : "поддержка не запрашивалась"));
    facts.fact(
        "Программа обмена персоналом",
        support.map(OfficialDecisions.Decision::comment).filter(Objects::nonNull).map(FormTexts::literal)
            .orElse(request.personnelExchangeRequested() ? "не описана" : "не запрашивалась"));
    facts.fact(
        "Площадка, принятая инвестором",
        sites.heldBy(request.number()).map(TaskFormFacts::siteLine).orElse("нет"));
  }

  private static String siteLine(IndustrialSite site) {
    return "%s — %s (%s), %s, %s, классы опасности %s"
        .formatted(
            site.id(),
            FormTexts.literal(site.name()),
            FormTexts.literal(site.zone()),
            FormTexts.withUnit(FormTexts.decimal(site.areaHa()), "га"),
            FormTexts.withUnit(FormTexts.decimal(site.powerMw()), "МВт"),
            hazardClasses(site));
  }

  private static String screeningResult(List<Decision> taken, List<TimelineEntry> timeline) {
    Optional<Decision> review = latest(taken, "Task_ReviewScreeningHit");
    if (review.isPresent()) {
      return "совпадение со списком проверки; " + decisionLine(review.get()).substring(0, 1).toLowerCase(FormTexts.RUSSIAN)
          + decisionLine(review.get()).substring(1);
    }
    return timeline.stream().anyMatch(e -> "SCREENING_PASSED".equals(e.type())) ? "совпадений со списком проверки нет" : "не проводилась";
  }

  private static Optional<String> screeningEntry(List<TimelineEntry> timeline) {
    String entry = null;
    for (TimelineEntry event : timeline) {
      if (ScreeningService.SCREENING_HIT.equals(event.type())) {
        entry = event.detail();
      }
    }
    return Optional.ofNullable(entry);
  }

  private static String documentTitles(List<DocumentType> documents) {
    return documents.isEmpty() ? "нет" : documents.stream().map(DocumentType::titleRu).collect(Collectors.joining(", "));
  }

  // --- the decisions so far ----------------------------------------------------------------------

  static String decisionsCard(List<Decision> taken, List<TimelineEntry> timeline) {
    Markdown card = new Markdown();
    card.heading("Решения по заявке");
    timeline.stream()
        .filter(e -> "SCREENING_PASSED".equals(e.type()))
        .reduce((first, second) -> second)
        .ifPresent(e -> card.item(FormTexts.dateTime(e.at().toInstant()) + " — **Проверка инвестора** (автоматически): совпадений со списком проверки нет"));
    if (taken.isEmpty()) {
      card.item("Решений должностных лиц пока нет");
    }
    for (Decision decision : taken) {
      card.item(
          FormTexts.dateTime(decision.decidedAt().toInstant()) + " — **" + decision.taskName() + "**, "
              + FormTexts.literal(decision.official()) + ": " + decision.outcome()
              + (decision.comment() == null ? "" : ". «" + FormTexts.literal(decision.comment()) + "»"));
    }
    return card.toString();
  }

  private static Optional<Decision> latest(List<Decision> taken, String taskKey) {
    Decision latest = null;
    for (Decision decision : taken) {
      if (decision.taskKey().equals(taskKey)) {
        latest = decision;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** «Продолжить рассмотрение: «комментарий» (кто, когда)». */
  private static String decisionLine(Decision decision) {
    return decision.outcome() + (decision.comment() == null ? "" : ": «" + FormTexts.literal(decision.comment()) + "»") + signature(decision);
  }

  private static String signature(Decision decision) {
    return " (" + FormTexts.literal(decision.official()) + ", " + FormTexts.dateTime(decision.decidedAt().toInstant()) + ")";
  }

  /** A little Markdown, line by line. */
  private static final class Markdown {
    private final StringBuilder text = new StringBuilder();

    void heading(String heading) {
      line("#### " + heading);
    }

    void fact(String label, String value) {
      line("- **" + label + ":** " + value);
    }

    void item(String value) {
      line("- " + value);
    }

    void blank() {
      text.append('\n');
    }

    void line(String line) {
      text.append(line).append('\n');
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
