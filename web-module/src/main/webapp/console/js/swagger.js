// Swagger UI renders the server's own OpenAPI document; no request leaves this origin.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({ url: '/openapi', dom_id: '#swagger', deepLinking: true, validatorUrl: null });
});
