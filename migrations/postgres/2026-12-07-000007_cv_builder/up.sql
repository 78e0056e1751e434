-- The CV builder (HEAD.md 10.18): one structured CV per candidate, shared under a random slug.

-- `document` is the validated JSON of the CV's sections; the photo is not in it but stored
-- through the file store, and `photo_key` names that object. `slug` is random (128 bits), never
-- derived from the name, so a private CV cannot be found by guessing.
CREATE TABLE cv_builder_documents (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NULL,
    template TEXT NOT NULL
        CHECK (template IN ('elegance', 'bold', 'minimal', 'creative', 'executive')),
    is_public BOOLEAN NOT NULL DEFAULT FALSE,
    document TEXT NOT NULL,
    photo_key TEXT NULL,
    views_count BIGINT NOT NULL DEFAULT 0,
    downloads_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Views per UTC day, for the analytics' `views_by_date`: one counter row per document and day,
-- no visitor data (no address, agent or referrer is kept).
CREATE TABLE cv_builder_daily_views (
    document_id BIGINT NOT NULL REFERENCES cv_builder_documents (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (document_id, day)
);
