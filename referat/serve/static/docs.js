// Starts Swagger UI on /docs; a file of its own, as the page's Content-Security-Policy allows no inline script.
SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
