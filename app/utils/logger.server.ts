import pino from "pino";
import { env } from "./env.server";

/** One structured logger for the process; request-scoped children carry the request id. */
export const logger = pino({
  level: process.env.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : env().LOG_LEVEL,
  base: { app: "snabmost" },
  redact: {
    paths: ["password", "*.password", "req.headers.cookie", "req.headers.authorization", "token", "*.token"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
