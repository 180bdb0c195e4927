// Filters on the pool (specialty, topic, distance, availability), kept in the URL.
import { Button, Select, TextInput } from "@tandem/ui";
import { useEffect, useState, type FormEvent } from "react";
import { replaceSearch } from "../../lib/router";
import { distanceError, hasPoolFilters, selectOptions, serialisePoolFilters, type PoolFilters } from "./pool-filters";
import type { Pool } from "./pool-types";

export function FilterForm({ pool, filters }: { pool: Pool; filters: PoolFilters }) {
  const [km, setKm] = useState(filters.km);
  const kmError = distanceError(filters.km);
  useEffect(() => setKm(filters.km), [filters.km]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    replaceSearch(
      serialisePoolFilters({
        specialty: String(data.get("specialty") ?? ""),
        topic: String(data.get("topic") ?? ""),
        km: String(data.get("km") ?? ""),
      }),
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="filter-heading">
      <h2 className="nhsuk-heading-s" id="filter-heading">
        Filter mentors
      </h2>
      <Select
        id="specialty"
        name="specialty"
        label="Specialty"
        options={selectOptions(pool.specialties, filters.specialty, "Any specialty")}
        defaultValue={filters.specialty}
        key={`specialty-${filters.specialty}`}
      />
      <Select
        id="topic"
        name="topic"
        label="Topic"
        options={selectOptions(pool.topics, filters.topic, "Any topic")}
        defaultValue={filters.topic}
        key={`topic-${filters.topic}`}
      />
      <TextInput
        id="km"
        name="km"
        label="Distance, up to (km)"
        hint="Mentors whose distance is not known are left out"
        inputMode="decimal"
        width={4}
        value={km}
        onChange={(event) => setKm(event.currentTarget.value)}
        error={kmError}
      />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {hasPoolFilters(filters) ? (
        <p>
          <a
            href={window.location.pathname}
            onClick={(event) => {
              event.preventDefault();
              replaceSearch("");
            }}
          >
            Clear filters
          </a>
        </p>
      ) : null}
    </form>
  );
}
