import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { searchContract } from "./contract";

searchContract("PostgreSQL", async () => new PostgresSearchEngine());
