// The disclosure adversary on larger organisations (15–40 people): 150 cases (tests/unit/disclosure/adversary.ts).
import { largeAdversary } from "./adversary";

largeAdversary(150, 20261207);
