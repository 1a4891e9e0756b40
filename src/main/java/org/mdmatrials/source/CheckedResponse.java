package org.mdmatrials.source;

import java.io.IOException;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A registry's answer checked before it is read: a success, or an {@link HttpStatusException}
 * quoting the start of its body; served as one of the expected media types, or a {@link
 * MalformedResponseException} (registries answer some errors with HTML pages and a 200).
 */
public final class CheckedResponse {
  private static final int SHOWN_ERROR_BODY = 300;

  private CheckedResponse() {}

  /**
   * Executes {@code request} and checks its answer; the caller closes the response.
   *
   * @param what says in a status error which request it was, or null
   * @param mediaTypes the acceptable types, such as {@code application/json}; the answer's may
   *     carry parameters, such as a charset
   */
  public static Response execute(
      OkHttpClient client, Request request, String what, String... mediaTypes) throws IOException {
    String url = request.url().toString();
    Response response = client.newCall(request).execute();
    try {
      if (!response.isSuccessful()) {
        String body = errorText(response);
        throw new HttpStatusException(
            response.code(), url, what == null ? body : what + (body.isEmpty() ? "" : ": " + body));
      }
      String type = response.header("Content-Type", "");
      if (!isOneOf(type, mediaTypes)) {
        throw new MalformedResponseException(
            url,
            "expected Content-Type "
                + String.join(" or ", mediaTypes)
                + " but was \""
                + type
                + "\": "
                + errorText(response));
      }
      return response;
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
  }

  /** Whether a Content-Type names one of {@code mediaTypes}, whatever its case and parameters. */
  private static boolean isOneOf(String contentType, String... mediaTypes) {
    MediaType type = MediaType.parse(contentType);
    if (type == null) {
      return false;
    }
    String name = type.type() + "/" + type.subtype();
    return Stream.of(mediaTypes).anyMatch(name::equalsIgnoreCase);
  }

  /** The start of a body, on one line: registries explain their errors there. */
  private static String errorText(Response response) throws IOException {
    String text = response.peekBody(SHOWN_ERROR_BODY * 4L).string().strip().replaceAll("\\s+", " ");
    return text.length() <= SHOWN_ERROR_BODY ? text : text.substring(0, SHOWN_ERROR_BODY) + "…";
  }
}
