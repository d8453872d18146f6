package org.agentry.client.model;

import java.util.List;
import java.util.Map;

/**
 * What a reload of agent definitions ({@code POST /api/v1/agents/reload}) changed.
 *
 * @param errors file name → why it was not loaded
 */
public record ReloadReport(
    List<String> added, List<String> changed, List<String> removed, Map<String, String> errors) {}
