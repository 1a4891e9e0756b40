package org.mdmatrials.join;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Groups records that name the same trial: two records sharing a registry id are one trial, and so
 * are records linked through others (A names B, B names C). Records are numbered 0, 1, 2 … in the
 * order they are added. Holds only ids and numbers, so it stays small for large harvests.
 */
public final class TrialGroups {
  private final Map<String, Integer> recordById = new HashMap<>();
  private int[] parent = new int[1024];
  private int size;

  /** Adds the next record with its normalised ids and returns its number. */
  public int add(Set<String> ids) {
    if (size == parent.length) {
      parent = Arrays.copyOf(parent, size * 2);
    }
    int record = size++;
    parent[record] = record;
    for (String id : ids) {
      Integer other = recordById.putIfAbsent(id, record);
      if (other != null) {
        union(record, other);
      }
    }
    return record;
  }

  public int size() {
    return size;
  }

  /** The group's number: the same for every record of one trial. */
  public int groupOf(int record) {
    int root = record;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[record] != root) {
      int next = parent[record];
      parent[record] = root;
      record = next;
    }
    return root;
  }

  /** How many records each group holds, indexed by group number. */
  public int[] groupSizes() {
    int[] sizes = new int[size];
    for (int record = 0; record < size; record++) {
      sizes[groupOf(record)]++;
    }
    return sizes;
  }

  private void union(int a, int b) {
    int rootA = groupOf(a);
    int rootB = groupOf(b);
    if (rootA != rootB) {
      parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    }
  }
}
