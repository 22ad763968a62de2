package dev.vidsim.tck.mutants;

import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.util.List;
import java.util.Map;

/** A client that forwards every call to another: a mutant overrides only the call it breaks. */
class ForwardingClient implements ClientUnderTest {
  final ClientUnderTest delegate;

  ForwardingClient(ClientUnderTest delegate) {
    this.delegate = delegate;
  }

  @Override
  public String submit(Generation g) {
    return delegate.submit(g);
  }

  @Override
  public Finished await(String id) {
    return delegate.await(id);
  }

  @Override
  public void poll(String id) {
    delegate.poll(id);
  }

  @Override
  public void cancel(String id) {
    delegate.cancel(id);
  }

  @Override
  public boolean onWebhook(Map<String, List<String>> headers, String body) {
    return delegate.onWebhook(headers, body);
  }

  @Override
  public Report report() {
    return delegate.report();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
