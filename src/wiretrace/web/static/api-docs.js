// wiretrace: starts Swagger UI on the API docs page (/api/docs) with the schema URL the page names.
// Kept out of the page so the page runs under the same strict Content-Security-Policy as every other.
// validatorUrl null: Swagger UI would otherwise ask an outside validator to draw a badge.
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") return;
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    validatorUrl: null,
  });
})();
