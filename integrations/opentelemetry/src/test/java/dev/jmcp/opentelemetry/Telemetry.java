package dev.jmcp.opentelemetry;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An OpenTelemetry SDK with in-memory span and metric exporters and W3C propagators (not global). */
final class Telemetry implements AutoCloseable {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                    W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
            .build();

    /** The finished span named {@code name} of kind {@code kind}, if there is one. */
    Optional<SpanData> span(String name, io.opentelemetry.api.trace.SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && s.getKind() == kind)
                .findFirst();
    }

    /** All finished spans matching {@code filter}. */
    List<SpanData> spans(Predicate<SpanData> filter) {
        return spans.getFinishedSpanItems().stream().filter(filter).toList();
    }

    /** The metric named {@code name} collected now, if any. */
    Optional<MetricData> metric(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .findFirst();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
