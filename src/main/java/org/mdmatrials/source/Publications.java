package org.mdmatrials.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results publication as the publications column names it: {@code PMID:31454045}, else {@code
 * DOI:10.1001/jama.2019.11642}, else the link or citation as the registry gives it, so that a
 * publication without either id is still listed.
 */
public final class Publications {
  private static final Pattern PUBMED_LINK =
      Pattern.compile(
          "(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)(\\d{1,9})(?!\\d)");
  // Crossref's pattern for modern DOIs: the prefix 10.NNNN, then a suffix without spaces.
  private static final Pattern DOI = Pattern.compile("\\b10\\.\\d{4,9}/[^\\s\"<>]+");

  private Publications() {}

  /**
   * A publication the registry cites: by its PubMed id when it gives one, else by the DOI its
   * citation holds, else by the citation; null when it gives nothing.
   */
  public static String cited(String pmid, String citation) {
    if (pmid != null && !pmid.isBlank()) {
      return "PMID:" + pmid.strip();
    }
    if (citation == null || citation.isBlank()) {
      return null;
    }
    String doi = doi(citation);
    return doi != null ? "DOI:" + doi : citation.strip();
  }

  /**
   * A publication the registry links: by the PubMed id or DOI its address holds, else by the
   * address; null when it gives none.
   */
  public static String linked(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    Matcher pubmed = PUBMED_LINK.matcher(url);
    if (pubmed.find()) {
      return "PMID:" + pubmed.group(1);
    }
    String doi = doi(url);
    return doi != null ? "DOI:" + doi : url.strip();
  }

  /**
   * The DOI in a text, less the punctuation that ends the sentence around it: a closing bracket
   * only when it closes none the DOI opened ({@code 10.1016/S1470-2045(16)30625-8} keeps its own).
   */
  private static String doi(String text) {
    Matcher doi = DOI.matcher(text);
    if (!doi.find()) {
      return null;
    }
    String found = doi.group();
    int end = found.length();
    while (end > 0 && endsSentence(found, end)) {
      end--;
    }
    return found.substring(0, end);
  }

  private static boolean endsSentence(String doi, int end) {
    char last = doi.charAt(end - 1);
    if (".,;:".indexOf(last) >= 0) {
      return true;
    }
    if (last != ')') {
      return false;
    }
    String kept = doi.substring(0, end);
    return kept.chars().filter(c -> c == '(').count() < kept.chars().filter(c -> c == ')').count();
  }
}
