package org.mdmatrials.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The transfer floor: fetches every page the way the harvest does, but only reads the bytes and
 * follows the page tokens. With {@code --read}, the read floor: each page is also read token by
 * token with Jackson's streaming parser, the least any client that reads the studies must do, and
 * nothing is made of them. Prints the seconds taken, the process's CPU seconds, the pages and the
 * bytes.
 *
 * <p>Usage: {@code TransferFloor API_ROOT [--read]}.
 */
public final class TransferFloor {
  private static final Pattern TOKEN = Pattern.compile("\"nextPageToken\":\"([^\"]+)\"");

  public static void main(String[] args) throws IOException {
    boolean read = args.length > 1 && args[1].equals("--read");
    OkHttpClient client = new OkHttpClient();
    JsonFactory json = new JsonFactory();
    HttpUrl studies = HttpUrl.get(args[0]).newBuilder().addPathSegment("studies").build();
    long start = System.nanoTime();
    long bytes = 0;
    int pages = 0;
    String token = null;
    do {
      HttpUrl.Builder url = studies.newBuilder().addQueryParameter("pageSize", "1000");
      if (token != null) {
        url.addQueryParameter("pageToken", token);
      }
      try (Response response =
          client.newCall(new Request.Builder().url(url.build()).build()).execute()) {
        byte[] body = response.body().bytes();
        bytes += body.length;
        pages++;
        token = read ? readTokens(json, body) : tailToken(body);
      }
    } while (token != null);
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    System.out.printf(
        "%.3f s, CPU %.3f s, %d pages, %d bytes%n",
        (System.nanoTime() - start) / 1e9, cpu / 1e9, pages, bytes);
  }

  private static String tailToken(byte[] body) {
    int tail = Math.max(0, body.length - 200);
    Matcher m = TOKEN.matcher(new String(body, tail, body.length - tail, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  /**
   * Reads the page token by token (a string's text is skipped unless asked for, as a client skips
   * the fields it does not need); returns the page token.
   */
  private static String readTokens(JsonFactory json, byte[] body) throws IOException {
    String token = null;
    try (JsonParser parser = json.createParser(body)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME
            && parser.getParsingContext().getParent().inRoot()
            && parser.currentName().equals("nextPageToken")) {
          parser.nextToken();
          token = parser.getText();
        }
      }
    }
    return token;
  }
}
