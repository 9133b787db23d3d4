package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.mos.localisation.ApplicationTest;

/**
 * Every deployed process keeps the team's conventions: drawn, named by id convention, with a
 * history time to live, and every user task with a candidate group, a deployed Camunda Form, a due
 * date and a description in Russian (Tasklist's «Описание» tab: what to check and decide).
 */
@ApplicationTest
class ProcessModelConventionsTests {

  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper objectMapper;

  @ParameterizedTest
  @ValueSource(strings = {ProcessVariables.PROCESS_KEY, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY})
  void processHasHistoryTimeToLiveAndIsExecutable(String key) {
    ProcessDefinition definition = definition(key);
    Process process = model(key).getModelElementById(key);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {ProcessVariables.PROCESS_KEY, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY})
  void everyFlowNodeAndSequenceFlowIsDrawn(String key) {
    BpmnModelInstance model = model(key);
    Map<String, BpmnShape> shapes = byElementId(model.getModelElementsByType(BpmnShape.class), s -> s.getBpmnElement());
    Map<String, BpmnEdge> edges = byElementId(model.getModelElementsByType(BpmnEdge.class), e -> e.getBpmnElement());

    assertThat(ids(model.getModelElementsByType(FlowNode.class))).isNotEmpty().allSatisfy(id -> assertThat(shapes).containsKey(id));
    assertThat(ids(model.getModelElementsByType(SequenceFlow.class))).isNotEmpty().allSatisfy(id -> assertThat(edges).containsKey(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {ProcessVariables.PROCESS_KEY, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY})
  void idsFollowTheNamingConvention(String key) {
    BpmnModelInstance model = model(key);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(Task|Gateway|Event|SubProcess)_[A-Z][A-Za-z]+");
      // merges and parallel splits ask no question, so they carry no name
      if (!node.getId().matches("Gateway_(Join|Split).*")) {
        assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank().matches("[А-ЯЁ0-9].*");
      }
    }
    assertThat(ids(model.getModelElementsByType(SequenceFlow.class))).allMatch(id -> id.matches("Flow_[A-Z][A-Za-z]+"));
  }

  @ParameterizedTest
  @ValueSource(strings = {ProcessVariables.PROCESS_KEY, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY})
  void everyUserTaskHasCandidateGroupAndDeployedForm(String key) throws IOException {
    ProcessDefinition definition = definition(key);
    BpmnModelInstance model = model(key);
    List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
    Map<String, String> deployedFormIds = new java.util.HashMap<>();
    for (String resource : resources) {
      if (resource.endsWith(".form")) {
        try (InputStream form = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
          deployedFormIds.put(objectMapper.readTree(form).get("id").asText(), resource);
        }
      }
    }

    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).isNotEmpty();
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaCandidateGroups()).as("candidate group of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(deployedFormIds).as("deployed forms").containsKey(task.getCamundaFormRef());
      assertThat(deployedFormIds.get(task.getCamundaFormRef())).startsWith("bpmn/forms/");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ProcessVariables.PROCESS_KEY, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY})
  void everyUserTaskHasADueDateAndSaysWhatToCheckAndDecide(String key) {
    for (UserTask task : model(key).getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
      if (task.getCamundaDueDate().equals("${deadlines.due(execution)}")) {
        assertThat(Deadlines.WORKING_DAYS).as("working days of %s", task.getId()).containsKey(task.getId());
      }
      assertThat(task.getDocumentations()).as("description of %s", task.getId()).hasSize(1);
      assertThat(task.getDocumentations().iterator().next().getTextContent())
          .as("description of %s", task.getId())
          .hasSizeGreaterThan(80)
          .matches("[^A-Za-z$]*\\p{IsCyrillic}[^A-Za-z$]*");
    }
  }

  private ProcessDefinition definition(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private BpmnModelInstance model(String key) {
    return repositoryService.getBpmnModelInstance(definition(key).getId());
  }

  private static List<String> ids(Collection<? extends FlowElement> elements) {
    return elements.stream().map(BaseElement::getId).toList();
  }

  private static <T> Map<String, T> byElementId(Collection<T> diagramElements, Function<T, BaseElement> element) {
    return diagramElements.stream().collect(Collectors.toMap(d -> element.apply(d).getId(), d -> d));
  }
}
