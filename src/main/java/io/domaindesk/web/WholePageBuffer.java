package io.domaindesk.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a whole page in the response buffer until the request ends. A page sent while the
 * request is still running (Tomcat's 8 KB buffer is full, or Thymeleaf flushes its writer
 * after the last tag) makes Spring Session save the session at that moment and then, at
 * the end of the request, read it again from PostgreSQL to save it once more: one more
 * query and transaction on every page (issue 15). Here a page leaves once the request is
 * over, after the session's one save. Only the writer's flush waits: what writes bytes
 * (exports, the sandbox's faults) flushes as before, and a body larger than the buffer
 * streams.
 */
class WholePageBuffer extends OncePerRequestFilter {

	static final int BYTES = 128 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (response.getBufferSize() < BYTES) {
			response.setBufferSize(BYTES);
		}
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			private PrintWriter writer;

			@Override
			public PrintWriter getWriter() throws IOException {
				if (this.writer == null) {
					this.writer = new PrintWriter(super.getWriter()) {

						@Override
						public void flush() {
							// at the end of the request
						}

					};
				}
				return this.writer;
			}

		});
	}

}
