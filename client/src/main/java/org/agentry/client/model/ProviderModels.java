package org.agentry.client.model;

import java.util.List;

/**
 * The models one provider offers ({@code GET /api/v1/models}).
 *
 * @param error why the provider could not be asked, or null
 */
public record ProviderModels(String provider, String kind, List<String> models, String error) {}
