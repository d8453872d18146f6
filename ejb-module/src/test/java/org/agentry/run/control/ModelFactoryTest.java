package org.agentry.run.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.provider.control.ProviderKeys;
import org.agentry.provider.entity.Provider;
import org.agentry.provider.entity.ProviderKind;
import org.agentry.provider.entity.ProviderSpec;
import org.agentry.security.control.SecretCipher;
import org.agentry.security.control.SecretKeys;
import org.agentry.telemetry.control.Tracing;
import org.junit.jupiter.api.Test;

/** Chat models are built once per provider configuration, and again when it changes. */
class ModelFactoryTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final ModelFactory factory = new ModelFactory();

  {
    var cipher = new SecretCipher(new byte[SecretCipher.KEY_BYTES], List.of());
    factory.keys = new ProviderKeys(SecretKeys.fixed(cipher));
    factory.tracing = Tracing.noop();
  }

  private final AgentSpec spec =
      new AgentSpec(
          null,
          "You help.",
          "p",
          "scripted",
          null,
          null,
          List.of(),
          null,
          true,
          null,
          null,
          null,
          null);

  @Test
  void theSameProviderAndAgentGetTheSameModel() {
    var provider = scripted("[{\"text\":\"a\"}]", T);

    var first = factory.model(provider, spec);

    assertSame(first, factory.model(provider, spec));
    assertEquals("p", first.provider());
  }

  @Test
  void aProviderCreatedAgainUnderItsNameGetsANewModel() {
    var first = factory.model(scripted("[{\"text\":\"a\"}]", T), spec);

    var recreated = factory.model(scripted("[{\"text\":\"b\"}]", T.plusSeconds(1)), spec);

    assertNotSame(first, recreated);
  }

  @Test
  void anotherModelSettingGetsItsOwnModel() {
    var provider = scripted("[{\"text\":\"a\"}]", T);
    var warmer =
        new AgentSpec(
            null,
            "You help.",
            "p",
            "scripted",
            0.9,
            null,
            List.of(),
            null,
            true,
            null,
            null,
            null,
            null);

    assertNotSame(factory.model(provider, spec), factory.model(provider, warmer));
  }

  /**
   * Two tenants' providers of one name, version and update time are two providers: each gets its
   * own model (its own key and settings), and neither drops the other's.
   */
  @Test
  void anotherTenantsProviderOfTheSameNameGetsItsOwnModel() {
    var mine = factory.model(scripted("default", "[{\"text\":\"mine\"}]", T), spec);

    var theirs = factory.model(scripted("acme", "[{\"text\":\"theirs\"}]", T), spec);

    assertNotSame(mine, theirs);
    assertSame(mine, factory.model(scripted("default", "[{\"text\":\"mine\"}]", T), spec));
  }

  private static Provider scripted(String turns, Instant at) {
    return scripted("default", turns, at);
  }

  private static Provider scripted(String tenant, String turns, Instant at) {
    return new Provider(
        tenant, "p", new ProviderSpec(ProviderKind.SCRIPTED, null, 1000, 0, "{}", turns), null, at);
  }
}
