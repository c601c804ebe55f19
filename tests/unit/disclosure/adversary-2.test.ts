// Half 2 of the disclosure adversary's 1,000 random organisations (tests/unit/disclosure/adversary.ts).
import { adversaryHalf } from "./adversary";

adversaryHalf(1);
