package org.mdmatrials.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdmatrials.Fixtures;

class CheckedResponseTest {
  private static final String PAGE = "ctgov/pages/search-page-with-next-token-1.json";

  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final OkHttpClient client = new OkHttpClient();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON",
        "text/plain"
      })
  void acceptsAnExpectedTypeWhateverItsCaseAndParameters(String contentType) throws IOException {
    serve(contentType);

    try (Response response = execute()) {
      assertThat(response.body().string()).isEqualTo(Fixtures.text(PAGE));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "application/json-seq",
        "application/jsonp",
        "application/javascript",
        "text/plain-text",
        "application"
      })
  void refusesAnyOtherTypeNamingIt(String contentType) {
    serve(contentType);

    assertThatThrownBy(this::execute)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("expected Content-Type application/json or text/plain")
        .hasMessageContaining("but was \"" + contentType + "\"");
  }

  private void serve(String contentType) {
    registry.stubFor(
        get("/studies")
            .willReturn(
                aResponse().withHeader("Content-Type", contentType).withBody(Fixtures.text(PAGE))));
  }

  private Response execute() throws IOException {
    Request request = new Request.Builder().url(registry.url("/studies")).build();
    return CheckedResponse.execute(client, request, null, "application/json", "text/plain");
  }
}
