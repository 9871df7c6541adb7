/** Preact hooks of the page: the live feed, the filter (kept in the URL's hash), an element's width. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NO_FILTER, type ViewFilter } from '../model/view';
import type { FeedClient, FeedSnapshot } from './feedClient';

export function useFeed(client: FeedClient): FeedSnapshot {
    const [snapshot, setSnapshot] = useState(client.current);
    useEffect(() => client.subscribe(() => setSnapshot(client.current)), [client]);
    return snapshot;
}

function readHash(): ViewFilter {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    return { eventName: params.get('event') ?? NO_FILTER.eventName, mediaSession: params.get('media') ?? NO_FILTER.mediaSession };
}

/** The filter, shareable as a link: #event=Pause&media=<media_session_id>. */
export function useHashFilter(): [ViewFilter, (next: ViewFilter) => void] {
    const [filter, setFilter] = useState(readHash);
    useEffect(() => {
        const onHash = () => setFilter(readHash());
        addEventListener('hashchange', onHash);
        return () => removeEventListener('hashchange', onHash);
    }, []);
    const update = (next: ViewFilter) => {
        const params = new URLSearchParams();
        if (next.eventName) {
            params.set('event', next.eventName);
        }
        if (next.mediaSession) {
            params.set('media', next.mediaSession);
        }
        history.replaceState(null, '', params.size > 0 ? `#${params.toString()}` : location.pathname);
        setFilter(next);
    };
    return [filter, update];
}

/** The width of the element the returned ref is put on, kept current as it resizes. */
export function useWidth<T extends HTMLElement>(initial: number) {
    const ref = useRef<T>(null);
    const [width, setWidth] = useState(initial);
    useEffect(() => {
        const element = ref.current;
        if (!element) {
            return undefined;
        }
        const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
        observer.observe(element);
        return () => observer.disconnect();
    }, []);
    return [ref, width] as const;
}
