package org.learninghub.connect.hub.catalogue.search;

import java.util.List;
import org.learninghub.connect.hub.catalogue.Resource;

/** One page of a search: the resources in rank order, how many match in all, the page and its size. */
public record ResourcePage(List<Resource> items, long total, int page, int size) {
}
