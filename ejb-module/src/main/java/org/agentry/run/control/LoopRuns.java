package org.agentry.run.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.agentry.payload.control.PayloadSchemas;
import org.agentry.platform.control.Watchdog;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.tool.control.ToolInvoker;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes and runs {@link LoopRun}s with what every run shares: the tools, the provider caller, the
 * clock, the watchdog and the model call timeout ({@code agentry.run.model-call-timeout-seconds},
 * default 300 s, retries included).
 */
@ApplicationScoped
public class LoopRuns {

  private static final ProviderCaller CALLER = new ProviderCaller();

  @Inject ToolInvoker tools;
  @Inject Watchdog watchdog;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.run.model-call-timeout-seconds", defaultValue = "300")
  int modelCallTimeoutSeconds;

  @Inject PayloadSchemas schemas;

  @Inject
  @ConfigProperty(name = "agentry.payload.output-repairs", defaultValue = "2")
  int outputRepairs;

  /** Runs the loop until it ends; see {@link LoopRun#run()}. */
  public RunOutcome run(RunContext context, BudgetGate budget, StepRecorder recorder) {
    var payload = context.spec().payload();
    if (payload != null) {
      context =
          context.withPayload(
              new PayloadCheck(payload, schemas.of(payload), Math.max(0, outputRepairs)));
    }
    var timeout = Duration.ofSeconds(modelCallTimeoutSeconds);
    return new LoopRun(context, tools, budget, recorder, CALLER, clock, watchdog, timeout).run();
  }
}
