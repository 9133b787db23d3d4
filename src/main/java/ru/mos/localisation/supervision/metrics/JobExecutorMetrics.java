package ru.mos.localisation.supervision.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * This node's job executor: whether it acquires jobs ({@code camunda_job_executor_active}, 0 where
 * job execution is off), and its threads — busy, in the pool, and the jobs waiting for one
 * ({@code camunda_job_executor_threads_active}, {@code _threads_pool}, {@code _queue_size}). The
 * jobs waiting in the database, the same for every node, are {@code localisation_jobs}.
 */
@Component
public class JobExecutorMetrics implements MeterBinder {

  private final ProcessEngine processEngine;

  public JobExecutorMetrics(@Lazy ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("camunda.job.executor.active", this, metrics -> metrics.jobExecutor().isActive() ? 1 : 0)
        .description("Whether this node's job executor acquires and runs jobs")
        .register(registry);
    Gauge.builder("camunda.job.executor.threads.active", this, metrics -> pool(metrics).map(ThreadPoolTaskExecutor::getActiveCount).orElse(0))
        .description("Threads of this node's job executor running a job now")
        .register(registry);
    Gauge.builder("camunda.job.executor.threads.pool", this, metrics -> pool(metrics).map(ThreadPoolTaskExecutor::getPoolSize).orElse(0))
        .description("Threads in this node's job executor's pool")
        .register(registry);
    Gauge.builder("camunda.job.executor.queue.size", this,
            metrics -> pool(metrics).map(pool -> pool.getThreadPoolExecutor().getQueue().size()).orElse(0))
        .description("Acquired jobs of this node waiting for a thread")
        .register(registry);
  }

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
  }

  private static java.util.Optional<ThreadPoolTaskExecutor> pool(JobExecutorMetrics metrics) {
    if (metrics.jobExecutor() instanceof SpringJobExecutor spring) {
      TaskExecutor executor = spring.getTaskExecutor();
      if (executor instanceof ThreadPoolTaskExecutor pool && pool.getThreadPoolExecutor() != null) {
        return java.util.Optional.of(pool);
      }
    }
    return java.util.Optional.empty();
  }
}
