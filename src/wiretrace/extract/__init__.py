"""The extract stage: from each cleaned article, the claims it makes and who makes them."""
