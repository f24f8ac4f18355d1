import type { Value } from "./value";

/**
 * Nodes reachable from root in the order they were computed (children always
 * before parents), which is also the order a reader expects in a forward
 * table. Collected iteratively, so a deep graph cannot overflow the stack.
 */
export function topologicalOrder(root: Value): Value[] {
  const seen = new Set<Value>([root]);
  const stack = [root];
  while (stack.length > 0) {
    for (const child of stack.pop()!.children) {
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return [...seen].sort((a, b) => a.serial - b.serial);
}
