package org.ehcflow.benchmark;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A bare Camunda process of the same size as one of ours, to tell what our glue (listeners,
 * delegates, decision tables, notices) costs per step from what the engine itself costs. It has no
 * listeners, no delegates, no mail and no expressions beyond constant gateway conditions, so
 * whatever it costs is the engine's, on the same database and settings.
 */
final class BaselineModel {

  /** Never due while the benchmark runs, so the timers are created and cancelled, never fired. */
  static final String FAR_FUTURE = "2099-12-31T00:00:00";

  private BaselineModel() {}

  record Shape(int userTasks, int timers, int gateways) {

    static Shape of(BpmnModelInstance model) {
      return new Shape(
          model.getModelElementsByType(UserTask.class).size(),
          model.getModelElementsByType(TimerEventDefinition.class).size(),
          model.getModelElementsByType(Gateway.class).size());
    }

    @Override
    public String toString() {
      return userTasks + " / " + timers + " / " + gateways;
    }
  }

  /**
   * One straight path of user tasks. The timers sit on the tasks as non-interrupting boundary
   * timers so each is created when its task opens and removed when it completes, as most of ours
   * are; the gateways and the asynchronous no-ops are spread evenly along the path so every case
   * passes all of them.
   *
   * @param asyncSteps how many job executions our case needs that are not timers: the baseline
   *     makes as many with {@code asyncBefore} on a none throw event, which does nothing, so the
   *     job's cost is the engine's alone
   */
  static BpmnModelInstance build(String key, Shape shape, int asyncSteps) {
    if (shape.userTasks() == 0) {
      throw new IllegalArgumentException("a baseline needs at least one user task");
    }
    AbstractFlowNodeBuilder<?, ?> path =
        Bpmn.createExecutableProcess(key)
            .name("Bare baseline for the engine benchmark")
            .camundaHistoryTimeToLive(3650)
            .startEvent("start");
    int timer = 0;
    int gateway = 0;
    int async = 0;
    for (int slot = 0; slot < shape.userTasks(); slot++) {
      String taskId = "userTask_" + slot;
      UserTaskBuilder task = path.userTask(taskId);
      for (int n = share(shape.timers(), shape.userTasks(), slot); n > 0; n--, timer++) {
        task.boundaryEvent("boundaryTimer_" + timer)
            .cancelActivity(false)
            .timerWithDate(FAR_FUTURE)
            .endEvent("timerEnd_" + timer);
      }
      path = task;
      for (int n = share(asyncSteps, shape.userTasks(), slot); n > 0; n--, async++) {
        path = path.intermediateThrowEvent("async_" + async).camundaAsyncBefore();
      }
      for (int n = share(shape.gateways(), shape.userTasks(), slot); n > 0; n--, gateway++) {
        String gatewayId = "gateway_" + gateway;
        // Two constant conditions, as our gateways evaluate one condition per outgoing flow.
        path =
            path.exclusiveGateway(gatewayId)
                .condition("never", "${false}")
                .endEvent("gatewayEnd_" + gateway)
                .moveToNode(gatewayId)
                .condition("always", "${true}");
      }
    }
    return path.endEvent("end").done();
  }

  /** The part of {@code total} that falls on {@code slot} when spread evenly over {@code slots}. */
  static int share(int total, int slots, int slot) {
    return (int) ((long) total * (slot + 1) / slots - (long) total * slot / slots);
  }
}
