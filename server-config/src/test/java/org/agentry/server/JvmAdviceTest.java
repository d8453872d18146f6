package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmAdviceTest {

  @Test
  void smallMachineWithTheJvmDefaultsIsAdvised() {
    var advice = JvmAdvice.advice(2, List.of("-Dfoo=bar"));
    assertTrue(advice.isPresent());
    assertTrue(advice.get().contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), advice.get());
  }

  @Test
  void anOperatorsChoiceOfCompilerOrCollectorStands() {
    assertEquals(
        List.of(),
        List.of(
                List.of("-XX:TieredStopAtLevel=1"),
                List.of("-XX:-TieredCompilation"),
                List.of("-XX:+UseG1GC"),
                List.of("-XX:+UseZGC"),
                JvmAdvice.SMALL_MACHINE_OPTIONS)
            .stream()
            .flatMap(options -> JvmAdvice.advice(2, options).stream())
            .toList());
  }

  @Test
  void largerMachinesAreLeftToTheJvm() {
    assertTrue(JvmAdvice.advice(JvmAdvice.SMALL_MACHINE_CPUS + 1, List.of()).isEmpty());
    assertTrue(JvmAdvice.advice(JvmAdvice.SMALL_MACHINE_CPUS, List.of()).isPresent());
  }
}
