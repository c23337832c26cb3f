export { checkAcrossFiles } from "./across-files.ts";
export { checkBodyText, type BodyTextOptions } from "./body-text.ts";
export { checkDocNumberForm } from "./doc-number-form.ts";
export { checkFieldShapes } from "./field-shapes.ts";
export { checkRawText } from "./raw-text.ts";
export { checkReviewMarkers, REVIEW_MARKER } from "./review-markers.ts";
export { checkUnknownFields, suggestField } from "./unknown-fields.ts";
export { checkYamlTraps } from "./yaml-traps.ts";
export { checkValidityFields } from "./validity-fields.ts";
