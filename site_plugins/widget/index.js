export { HipAssessmentElement } from "./hip-assessment-element.js";
export { EngineClient, PROTOCOL_VERSION, STAGES } from "./protocol.js";
import "./define.js";
