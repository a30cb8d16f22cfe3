"use client";
import { Component, type ReactNode } from "react";
import { Notice } from "./notice";

type State = { error: Error | null };

/** Last line of defence: a rendering bug shows a message and a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Notice tone="error" title="This page failed to render">
        <p>{this.state.error.message}</p>
        <button className="mt-2 underline" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </Notice>
    );
  }
}
