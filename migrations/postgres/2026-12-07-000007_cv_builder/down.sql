DROP TABLE cv_builder_daily_views;
DROP TABLE cv_builder_documents;
