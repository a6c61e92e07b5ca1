import { HipAssessmentElement } from "./hip-assessment-element.js";

if (!customElements.get("hip-assessment")) {
  customElements.define("hip-assessment", HipAssessmentElement);
}
