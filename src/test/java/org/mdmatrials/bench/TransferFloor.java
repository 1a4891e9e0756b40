package org.mdmatrials.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The transfer floor: fetches every page the way the harvest does, but only reads the bytes and
 * follows the page tokens. Prints the seconds taken, the pages and the bytes.
 *
 * <p>Usage: {@code TransferFloor API_ROOT}.
 */
public final class TransferFloor {
  private static final Pattern TOKEN = Pattern.compile("\"nextPageToken\":\"([^\"]+)\"");

  public static void main(String[] args) throws IOException {
    OkHttpClient client = new OkHttpClient();
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
        int tail = Math.max(0, body.length - 200);
        Matcher m =
            TOKEN.matcher(new String(body, tail, body.length - tail, StandardCharsets.UTF_8));
        token = m.find() ? m.group(1) : null;
      }
    } while (token != null);
    System.out.printf("%.3f %d %d%n", (System.nanoTime() - start) / 1e9, pages, bytes);
  }
}
