package org.mdmatrials.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import org.mdmatrials.Fixtures;

/**
 * A ClinicalTrials.gov stand-in for benchmarks: serves {@code N} studies, renumbered copies of
 * recorded real ones, in pages of 1000, generating each page as it is asked for so that 200,000
 * studies need no more memory than one.
 *
 * <p>Usage: {@code StandInRegistry STUDIES PORT}. Serves {@code /api/v2/version} and {@code
 * /api/v2/studies?pageToken=K}.
 */
public final class StandInRegistry {
  static final int PAGE_SIZE = 1000;

  /** Real records without results, averaging about 15 kB, near ClinicalTrials.gov's 17 kB mean. */
  private static final List<String> RECORDS = List.of("NCT00184067", "NCT03934567", "NCT05147467");

  private final int studies;
  private final byte[][] prefixes;
  private final byte[][] suffixes;

  StandInRegistry(int studies) {
    this.studies = studies;
    prefixes = new byte[RECORDS.size()][];
    suffixes = new byte[RECORDS.size()][];
    for (int i = 0; i < RECORDS.size(); i++) {
      String json = Fixtures.renumbered(record(RECORDS.get(i)), 0).toString();
      String id = String.format("NCT9%07d", 0);
      int at = json.indexOf(id);
      prefixes[i] = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
      suffixes[i] = json.substring(at + id.length()).getBytes(StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) throws IOException {
    StandInRegistry registry = new StandInRegistry(Integer.parseInt(args[0]));
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 0);
    server.createContext("/api/v2/version", registry::version);
    server.createContext("/api/v2/studies", registry::page);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("serving " + args[0] + " studies on port " + server.getAddress().getPort());
  }

  private static ObjectNode record(String nctId) {
    if (nctId.equals("NCT05147467")) {
      return (ObjectNode)
          Fixtures.json("ctgov/pages/search-page-with-next-token-1.json").get("studies").get(0);
    }
    return Fixtures.study(nctId);
  }

  private void version(HttpExchange exchange) throws IOException {
    byte[] body = Fixtures.version("2026-11-27T09:15:02").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void page(HttpExchange exchange) throws IOException {
    int page = pageNumber(exchange.getRequestURI().getRawQuery());
    int first = page * PAGE_SIZE;
    int end = Math.min(studies, first + PAGE_SIZE);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      out.write("{\"studies\":[".getBytes(StandardCharsets.UTF_8));
      for (int n = first; n < end; n++) {
        if (n > first) {
          out.write(',');
        }
        int record = n % RECORDS.size();
        out.write(prefixes[record]);
        out.write(String.format("NCT9%07d", n).getBytes(StandardCharsets.UTF_8));
        out.write(suffixes[record]);
      }
      out.write(']');
      if (page == 0) {
        out.write((",\"totalCount\":" + studies).getBytes(StandardCharsets.UTF_8));
      }
      if (end < studies) {
        out.write((",\"nextPageToken\":\"" + (page + 1) + "\"").getBytes(StandardCharsets.UTF_8));
      }
      out.write('}');
    }
  }

  private static int pageNumber(String query) {
    String token =
        HttpUrl.get("http://stand-in/?" + (query == null ? "" : query)).queryParameter("pageToken");
    return token == null ? 0 : Integer.parseInt(token);
  }
}
